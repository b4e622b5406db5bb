// Card payments with KafkaJS (Cookbook 12.4): an idempotent producer writes each payment once
// however often it retries, and the consumers commit a payment's offset only after it is in the
// store, so a crash replays it (at-least-once) and the store's upsert by payment id makes the
// replay harmless. Run it with
//   npx clusterlab stream labs/examples/streaming/kafkajs/card-payments.js \
//     --records labs/examples/streaming/kafkajs/payments.jsonl --topic payments:3 --consumers 2 \
//     --crash 1:5:after-processing
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'payments', brokers: ['n1:9092', 'n2:9092'] });

export async function produce({ records }) {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  // In batches of 50, as a real producer sends: one request (and one acknowledgement) per batch.
  for (let i = 0; i < records.length; i += 50) {
    const batch = records.slice(i, i + 50);
    // Keyed by card: a card's payments stay in one partition, in order.
    await producer.send({
      topic: 'payments',
      messages: batch.map((payment) => ({ key: payment.card, value: JSON.stringify(payment) })),
    });
  }
  await producer.disconnect();
}

export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const payment = JSON.parse(message.value.toString());
      await sink.put(payment.id, JSON.stringify({ id: payment.id, card: payment.card, cents: payment.cents }));
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}
