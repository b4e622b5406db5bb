// When a consumer dies: the group coordinator and rebalancing (Cookbook 21.4).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'factory', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the machines' readings: { id, machine, seq, ts, celsius }, oldest first. */
export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  for (const machine of new Set(records.map((r) => r.machine))) {
    const readings = records.filter((r) => r.machine === machine);
    await producer.send({
      topic: 'readings',
      messages: readings.map((r) => ({ key: machine, value: JSON.stringify(r) })),
    });
  }
  await producer.disconnect();
}

/** Called once per consumer of the group 'monitor' (three of them). */
export async function consume({ sink }) {
  // TODO: when a consumer dies, its partitions wait until the group coordinator declares it dead.
  // KafkaJS's consumer options say how soon (see its defaults in the instructions).
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
