/**
 * The rdd-dataframe-sql lab's data: the readings of /data/sensors.csv, the file the SQL console's
 * `sensors` table also holds (100,000 readings of 9 sensors over 30 days, seed 2016).
 */
import { sensorCsv } from '../../engine/datasets';

export const SENSORS_PATH = '/data/sensors.csv';
/** 384 KB: the 3.2 MB file in 9 blocks, one per machine of cookbook-9. */
export const SENSORS_BLOCK_SIZE = 393_216;

let text: string | undefined;
export const sensorsText = (): string => (text ??= sensorCsv(100_000));
