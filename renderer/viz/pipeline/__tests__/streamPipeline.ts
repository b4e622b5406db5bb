/**
 * The pipeline several tests run: 2,000 events at 200 a second through an API, Kafka, a Spark
 * streaming job and HBase to a dashboard, on the classroom cluster's n1-n3.
 */
export const STREAM_PIPELINE = {
  parts: [
    { id: 'clients', type: 'clients', settings: { events: 2000, ratePerSec: 200 } },
    { id: 'api', type: 'api', node: 'n1' },
    { id: 'buffer', type: 'kafka', node: 'n2' },
    { id: 'stream', type: 'spark-streaming', node: 'n3' },
    { id: 'serving', type: 'hbase', node: 'n2' },
    { id: 'dashboard', type: 'dashboard', node: 'n1' },
  ],
  wires: [
    { from: 'clients', to: 'api' },
    { from: 'api', to: 'buffer' },
    { from: 'buffer', to: 'stream' },
    { from: 'stream', to: 'serving' },
    { from: 'serving', to: 'dashboard' },
  ],
};
