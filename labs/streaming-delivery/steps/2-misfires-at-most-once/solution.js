// Engine misfires, at most once (Cookbook 12.3).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'workshop', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the misfire events: { id, car, ts, cylinder }. */
export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < records.length; i += 10) {
    await producer.send({
      topic: 'misfires',
      messages: records.slice(i, i + 10).map((m) => ({ key: m.car, value: JSON.stringify(m) })),
    });
  }
  await producer.disconnect();
}

/** Called once per consumer of the group 'dashboard'. */
export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'dashboard' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['misfires'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      // Committed before the event is counted: after a crash the group starts past it, so it is
      // never counted twice (and an event in the crashed consumer's hands is never counted).
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
      // The dashboard counts misfires as rows: each event appended once.
      await sink.append(message.value.toString());
    },
  });
}
