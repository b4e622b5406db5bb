// Car GPS positions, at least once (Cookbook 12.2).
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'fleet', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Called once with the cars' positions: { id, car, ts, lat, lon }. */
export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < records.length; i += 20) {
    await producer.send({
      topic: 'gps',
      // Keyed by car: a car's positions stay in one partition, in order.
      messages: records.slice(i, i + 20).map((p) => ({ key: p.car, value: JSON.stringify(p) })),
    });
  }
  await producer.disconnect();
}

/** Called once per consumer of the group 'fleet-map'. */
export async function consume({ sink }) {
  const consumer = kafka.consumer({ groupId: 'fleet-map' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['gps'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const position = JSON.parse(message.value.toString());
      // The row's key is the car and its timestamp: writing the same position again overwrites it.
      await sink.put(position.id, JSON.stringify(position));
      // Committed only once the position is stored: a crash before this line replays it.
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}
