// Car positions counted in event-time windows with Spark Structured Streaming (Cookbook 12.2, 25.2).
// npx clusterlab stream labs/examples/streaming/kafkajs/fleet-windows.js --records labs/examples/streaming/kafkajs/positions.jsonl --topic positions:3 --consumers 1 --duration 150
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'fleet', brokers: ['n1:9092', 'n2:9092', 'n3:9092'] });

/** Sends each position when it reaches Kafka: { id, car, ts, lat, lon, sentAfterMs }. */
export async function produce({ records }) {
  const producer = kafka.producer();
  await producer.connect();
  const start = Date.now();
  for (const p of records) {
    // A car in a tunnel sends the positions it took there when it comes out.
    await new Promise((resolve) => setTimeout(resolve, start + p.sentAfterMs - Date.now()));
    await producer.send({ topic: 'positions', messages: [{ key: p.car, value: JSON.stringify(p) }] });
  }
  await producer.disconnect();
}

/** A Structured Streaming query: positions per car in 10-second windows of when they were taken. */
export async function consume({ spark, sink }) {
  const { col, window, get_json_object } = spark.functions;
  const json = col('value').cast('string');
  const positions = spark.readStream
    .format('kafka')
    .option('kafka.bootstrap.servers', 'n1:9092')
    .option('subscribe', 'positions')
    .option('startingOffsets', 'earliest')
    .load()
    .select(get_json_object(json, '$.car').alias('car'), get_json_object(json, '$.ts').cast('timestamp').alias('ts'));

  const query = positions
    // A position may reach Kafka up to 30 s after it was taken (a tunnel): wait that long, and a little more.
    .withWatermark('ts', '35 seconds')
    .groupBy(window(col('ts'), '10 seconds'), col('car'))
    .count()
    .writeStream.outputMode('append')
    .trigger({ processingTime: '5 seconds' })
    .foreachBatch(async (batch) => {
      for (const row of await batch.collect()) {
        const start = row.window.start.toISOString();
        const end = row.window.end.toISOString();
        await sink.put(`${row.car} ${start}`, JSON.stringify({ car: row.car, start, end, positions: row.count }));
      }
    })
    .start();
  await query.awaitTermination();
}
