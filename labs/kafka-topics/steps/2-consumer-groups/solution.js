// Consumer groups (Cookbook 21.5).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'factory', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the machines' readings: { id, machine, seq, ts, celsius }, oldest first. */
export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  await producer.sendBatch({
    topicMessages: [
      { topic: 'readings', messages: records.map((r) => ({ key: r.machine, value: JSON.stringify(r) })) },
    ],
  });
  await producer.disconnect();
}

/** Called once per consumer (numbered from 1): stores each reading under its id. */
export async function consume({ sink, consumer: n }) {
  // One group: its members share the topic's partitions, each partition read by one of them.
  const consumer = kafka.consumer({ groupId: 'monitor' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['readings'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const reading = JSON.parse(message.value.toString());
      await sink.put(reading.id, JSON.stringify({ ...reading, storedBy: n }));
    },
  });
}
