// Card payments, exactly once (Cookbook 12.4).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'bank', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the card payments: { id, card, cents, merchant }. */
export async function produce({ records }) {
  // Idempotent: a batch the producer sends again after a lost answer is written once.
  const producer = kafka.producer({ idempotent: true });
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
  // One transactional id per consumer: a new producer with the same id fences the old one.
  const producer = kafka.producer({ transactionalId: `billing-${n}`, idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const payment = JSON.parse(message.value.toString());
      const bill = { id: payment.id, card: payment.card, cents: payment.cents };
      // The bill and the consumed offset are committed together, or not at all.
      const transaction = await producer.transaction();
      try {
        await transaction.send({ topic: 'billed', messages: [{ key: payment.card, value: JSON.stringify(bill) }] });
        await transaction.sendOffsets({
          consumerGroupId: 'billing',
          topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }],
        });
        await transaction.commit();
      } catch (error) {
        await transaction.abort();
        throw error;
      }
    },
  });
}
