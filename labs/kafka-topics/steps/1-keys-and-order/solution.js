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
      // The machine is the key: all of a machine's readings go to one partition, in order.
      messages: records.slice(i, i + 10).map((r) => ({ key: r.machine, value: JSON.stringify(r) })),
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
