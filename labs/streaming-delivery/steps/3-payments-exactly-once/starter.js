// Card payments, exactly once (Cookbook 12.4).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'bank', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the card payments: { id, card, cents, merchant }. */
export async function produce({ records }) {
  // TODO 1: a send whose answer is lost is sent again. Make the producer write it once anyway.
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < records.length; i += 20) {
    await producer.send({
      topic: 'payments',
      messages: records.slice(i, i + 20).map((p) => ({ key: p.card, value: JSON.stringify(p) })),
    });
  }
  await producer.disconnect();
}

/** Called once per consumer of the group 'billing': bills each payment to the topic 'billed'. */
export async function consume({ consumer: n }) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  // TODO 2: bill and commit in one transaction. A transactional producer needs an id of its own
  // per consumer (use n), and each message gets a transaction: send, sendOffsets, commit.
  const producer = kafka.producer();
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const payment = JSON.parse(message.value.toString());
      const bill = { id: payment.id, card: payment.card, cents: payment.cents };
      await producer.send({ topic: 'billed', messages: [{ key: payment.card, value: JSON.stringify(bill) }] });
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}
