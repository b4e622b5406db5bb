// Keys, partitions and order (Cookbook 21.3).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'factory', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the machines' readings: { id, machine, seq, ts, celsius }, oldest first. */
export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < records.length; i += 10) {
    await producer.send({
      topic: 'readings',
      // TODO: without a key, the producer spreads the messages over the partitions in turn, and
      // two consumers read those partitions side by side. Give each message the key that keeps a
      // machine's readings in order.
      messages: records.slice(i, i + 10).map((r) => ({ value: JSON.stringify(r) })),
    });
  }
  await producer.disconnect();
}

/** Called once per consumer of the group 'monitor': appends each reading to the machine's history. */
export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'monitor' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['readings'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      await sink.append(message.value.toString());
    },
  });
}
