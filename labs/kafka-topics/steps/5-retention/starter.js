// Retention (Cookbook 21.3, 24.1).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'factory', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the machines' readings: { id, machine, seq, ts, celsius }, oldest first. */
export async function produce({ records }) {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [
      {
        topic: 'readings',
        numPartitions: 3,
        replicationFactor: 3,
        // Kafka's topic configs, by their names; values are strings. 4 s "to save disk".
        configEntries: [{ name: 'retention.ms', value: '4000' }],
      },
    ],
  });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < records.length; i += 25) {
    const batch = records.slice(i, i + 25);
    await producer.send({
      topic: 'readings',
      messages: batch.map((r) => ({ key: r.machine, value: JSON.stringify(r) })),
    });
  }
  await producer.disconnect();
}

/** Called once per consumer of the group 'archive' (two of them): each copies its readings to the store. */
export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'archive' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['readings'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const reading = JSON.parse(message.value.toString());
      await sink.put(reading.id, message.value.toString());
    },
  });
}
