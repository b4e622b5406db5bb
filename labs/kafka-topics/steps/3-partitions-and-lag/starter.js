// Partitions and lag (Cookbook 21.2, 24.1).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'factory', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the machines' readings: { id, machine, seq, ts, celsius }, oldest first. */
export async function produce({ records }) {
  // TODO: the first send creates the topic, with one partition. Create it yourself first
  // (kafka.admin(), createTopics) with enough partitions for the group's four consumers.
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

/** Called once per consumer of the group 'monitor' (four of them). */
export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'monitor' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['readings'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const reading = JSON.parse(message.value.toString());
      await sink.put(reading.id, message.value.toString());
    },
  });
}
