/**
 * A KafkaJS consumer's fetch loop (KafkaJS's runner, src/consumer/runner.js): fetch, hand each batch to
 * `eachMessage` or `eachBatch`, commit as autoCommit says, join again on a rebalance, and after a
 * handler threw, retry with KafkaJS's backoff or crash and restart (the rules are in
 * kafkaConsumer.ts's comment). It works on the consumer's group state (consumerGroup.ts).
 */
import { UNRECOVERABLE, errorText, isRebalance, rootCause } from './kafkaErrors';
import { CONSUMER_EVENTS } from './instrumentation';
import { offsetList } from './offsetArgs';
import type { FetchAnswer } from './kafkaCalls';
import { groupByTopic, toKafkaMessage, type Batch } from './consumerPayloads';
import type { ConsumerGroup } from './consumerGroup';

export async function fetchLoop(g: ConsumerGroup): Promise<void> {
  let failures = 0;
  while (g.running) {
    try {
      if (g.offsets.seeking) await g.applySeeks();
    } catch (error) {
      if (!isRebalance(error)) throw error;
      await rejoin(g);
      continue;
    }
    const fetchStarted = g.now();
    g.emitter.emit(CONSUMER_EVENTS.FETCH_START);
    const fetched = (await g.call({
      op: 'fetch',
      groupId: g.groupId,
      generation: g.generation,
      positions: g.offsets.all().filter((p) => !g.isPaused(p.topic, p.partition)),
      maxWaitTimeInMs: g.config.maxWaitTimeInMs,
      maxBytesPerPartition: g.config.maxBytesPerPartition,
      readCommitted: g.readCommitted,
    })) as FetchAnswer;
    if (fetched.rebalancing) {
      if (!g.running) break;
      await rejoin(g);
      continue;
    }
    g.emitter.emit(CONSUMER_EVENTS.FETCH, () => ({
      numberOfBatches: fetched.batches.length,
      duration: g.now() - fetchStarted,
    }));
    // A position outside the log (retention deleted it, or a commit past the end): KafkaJS
    // starts over at the log's start (fromBeginning) or end, and commits that.
    for (const r of fetched.outOfRange)
      if (g.offsets.owns(r.topic, r.partition))
        g.offsets.seek({
          topic: r.topic,
          partition: r.partition,
          offset: g.fromBeginning.get(r.topic) ? r.logStartOffset : g.latest(r),
        });
    try {
      for (const batch of fetched.batches) {
        if (!g.running) break;
        await handleBatch(g, batch);
      }
      // KafkaJS's runner heartbeats after every fetch too (once heartbeatInterval has passed), so an idle member does.
      if (g.running && fetched.batches.length === 0) await g.heartbeat();
      failures = 0;
    } catch (error) {
      if (isRebalance(error)) {
        await rejoin(g);
        continue;
      }
      failures++;
      const next = await recover(g, error, failures);
      if (next === 'stopped') return;
      if (next === 'restarted') failures = 0;
    }
  }
}

/**
 * After a handler threw: KafkaJS's retrier waits and fetches again from the failed message
 * ('retry'); once its retries are spent, or for an error it does not retry, the consumer
 * crashes: it leaves the group and, unless the error cannot be cured by trying again (a
 * TypeError, a non-retriable root cause), joins again after the last wait and reads from the
 * last commit ('restarted'); else it stays stopped ('stopped').
 */
async function recover(g: ConsumerGroup, error: unknown, failures: number): Promise<'retry' | 'restarted' | 'stopped'> {
  // Read as data: an error of the learner's realm (the CLI's vm context) is no instance of ours.
  const { name, message } = errorText(error);
  // A loop the sandbox stopped (or the run's time limit) is no handler failure to retry.
  if (g.endsRun(name, error)) return 'stopped';
  const where = g.transport.where?.(error) ?? null;
  const at = where === null ? '' : ` (at ${where})`;
  const retriable = !UNRECOVERABLE.has(name) && (error as { retriable?: unknown } | null)?.retriable !== false;
  // KafkaJS's onCrash restarts when the retries were spent, or the root cause is retriable.
  const restart = retriable || name === 'KafkaJSNumberOfRetriesExceeded' || rootCause(error)?.retriable === true;
  const retry = retriable && failures <= g.retries.retries;
  // The learner's handler threw: the host notes where, at which message, and what comes next.
  const failedAt = g.failedAt;
  g.failedAt = null;
  if (failedAt !== null)
    void g
      .call({
        op: 'handlerFailed',
        failure: {
          ...failedAt,
          groupId: g.groupId,
          name: (name || 'Error').slice(0, 200),
          message: message.slice(0, 2000),
          where,
          attempt: failures,
          retries: g.retries.retries,
          next: retry ? 'retry' : restart ? 'restart' : 'stop',
        },
      })
      .catch(() => undefined);
  if (g.run?.autoCommit !== false) await g.commit(g.offsets.uncommitted()).catch(() => undefined);
  const wait = backoff(g, failures - 1);
  if (retry) {
    g.transport.log('ERROR', `Error when calling ${g.run?.eachMessage ? 'eachMessage' : 'eachBatch'}: ${message}${at}`);
    await g.call({ op: 'sleep', ms: wait });
    return 'retry';
  }
  const crash = retriable ? 'KafkaJSNumberOfRetriesExceeded' : name || 'Error';
  g.transport.log('ERROR', `Crash: ${crash}: ${message}${at}`);
  await g.call({ op: 'leave', groupId: g.groupId });
  // KafkaJS's onCrash disconnects the consumer (STOP, DISCONNECT), then tells of the crash.
  g.emitter.emit(CONSUMER_EVENTS.STOP);
  if (!restart) {
    await g.call({ op: 'disconnect' });
    g.connected = false;
  }
  g.emitter.emit(CONSUMER_EVENTS.DISCONNECT);
  g.emitter.emit(CONSUMER_EVENTS.CRASH, () => ({ error, groupId: g.groupId, restart }));
  if (!restart) {
    // Stopped for good: a CRASH listener may connect, subscribe and run the consumer again.
    g.running = false;
    g.run = null;
    return 'stopped';
  }
  await g.call({ op: 'sleep', ms: wait });
  await g.join();
  return 'restarted';
}

function backoff(g: ConsumerGroup, attempt: number): number {
  const r = g.retries;
  return Math.min(r.initialRetryTime * r.multiplier ** attempt, r.maxRetryTime);
}

async function rejoin(g: ConsumerGroup): Promise<void> {
  g.emitter.emit(CONSUMER_EVENTS.REBALANCING, () => ({ groupId: g.groupId, memberId: g.memberId }));
  if (g.run?.autoCommit !== false) await g.commit(g.offsets.uncommitted()).catch(() => undefined);
  await g.join();
}

async function handleBatch(g: ConsumerGroup, b: FetchAnswer['batches'][number]): Promise<void> {
  const run = g.run!;
  const from = g.offsets.position(b.topic, b.partition);
  if (from === undefined) return;
  const messages = b.messages.filter((m) => m.offset >= from).map(toKafkaMessage);
  const moveTo = (next: number) => g.offsets.resolve(b.topic, b.partition, next);
  const resolve = (offset: string) => moveTo(Number(offset) + 1);
  if (messages.length === 0) {
    // Empty because of filtering (transaction markers, aborted records): resolved past them.
    moveTo(b.nextOffset);
    if (run.autoCommit !== false) await g.commitIfNecessary();
    return;
  }
  let whole = true;
  const batchStarted = g.now();
  const hwm = b.highWatermark;
  const lastOffset = String(b.nextOffset - 1);
  const batchInfo = {
    topic: b.topic,
    partition: b.partition,
    highWatermark: String(hwm),
    offsetLag: String(hwm - 1 - Number(lastOffset)),
    offsetLagLow: String(hwm - 1 - Number(messages[0]!.offset)),
    batchSize: messages.length,
    firstOffset: messages[0]!.offset,
    lastOffset,
  };
  g.emitter.emit(CONSUMER_EVENTS.START_BATCH_PROCESS, () => batchInfo);
  const heartbeat = () => g.heartbeat();
  const pause = () => {
    g.pauses.pause([{ topic: b.topic, partitions: [b.partition] }]);
    return () => g.pauses.resume([{ topic: b.topic, partitions: [b.partition] }]);
  };
  if (run.eachMessage) {
    for (const message of messages) {
      // A seek makes the rest of the batch stale; a pause skips it (it is fetched again after resume).
      if (!g.running || g.offsets.hasSeek(b.topic, b.partition) || g.isPaused(b.topic, b.partition)) {
        whole = false;
        break;
      }
      // Handed over once the host has it: a consumer that crashes at this message never runs its
      // handler (the call is never answered), so nothing of the message happens.
      await g.call({ op: 'processed', topic: b.topic, partition: b.partition, offset: Number(message.offset) });
      g.busyUntil = g.now() + g.processingMs;
      try {
        await run.eachMessage({ topic: b.topic, partition: b.partition, message, heartbeat, pause });
      } catch (error) {
        g.failedAt = { handler: 'eachMessage', topic: b.topic, partition: b.partition, offset: Number(message.offset) };
        throw error;
      }
      resolve(message.offset);
      await g.heartbeat();
      await g.commitIfNecessary();
    }
  } else {
    // The messages count as processed, and take the lab's processing time, as the handler
    // resolves them (or all at the end): its heartbeats and calls in between come on time.
    let noted = 0;
    const noteUpTo = (offset: number) => {
      for (; noted < messages.length && Number(messages[noted]!.offset) <= offset; noted++) {
        void g.call({
          op: 'processed',
          topic: b.topic,
          partition: b.partition,
          offset: Number(messages[noted]!.offset),
        });
        g.busyUntil = g.now() + g.processingMs;
      }
    };
    noteUpTo(Number(messages[0]!.offset));
    // KafkaJS's lastOffset() counts records the batch filtered out (markers, aborted records).
    const last = String(b.nextOffset - 1);
    const lastVisible = messages[messages.length - 1]!.offset;
    const hw = b.highWatermark;
    const batch: Batch = {
      topic: b.topic,
      partition: b.partition,
      highWatermark: String(hw),
      messages,
      isEmpty: () => messages.length === 0,
      firstOffset: () => messages[0]?.offset ?? null,
      lastOffset: () => last,
      offsetLag: () => String(hw - 1 - Number(last)),
      offsetLagLow: () => String(hw - 1 - Number(messages[0]!.offset)),
    };
    try {
      await run.eachBatch!({
        batch,
        // Resolving the last visible message resolves the batch's end, past a trailing marker.
        resolveOffset: (offset: string) => {
          noteUpTo(Number(offset) + 1);
          resolve(offset === lastVisible ? last : offset);
        },
        heartbeat,
        pause,
        // With offsets, KafkaJS commits exactly those (runner.js); without, only if interval or threshold says so.
        commitOffsetsIfNecessary: (offsets?: unknown) =>
          offsets === undefined ? g.commitIfNecessary() : g.commit(offsetList(offsets)),
        uncommittedOffsets: () => ({ topics: groupByTopic(g.offsets.uncommitted()) }),
        isRunning: () => g.running,
        isStale: () => g.offsets.hasSeek(b.topic, b.partition),
      });
    } catch (error) {
      // KafkaJS logs the batch's first offset; the first one not resolved is the message it comes back to.
      const offset = g.offsets.position(b.topic, b.partition) ?? Number(messages[0]!.offset);
      g.failedAt = { handler: 'eachBatch', topic: b.topic, partition: b.partition, offset };
      throw error;
    }
    noteUpTo(Number(lastVisible));
    if (run.eachBatchAutoResolve !== false) resolve(last);
    else whole = false;
  }
  // Every message handed: a trailing marker or aborted record is passed too (KafkaJS resolves batch.lastOffset()).
  if (whole && (g.offsets.position(b.topic, b.partition) ?? -1) >= Number(messages[messages.length - 1]!.offset) + 1)
    moveTo(b.nextOffset);
  g.emitter.emit(CONSUMER_EVENTS.END_BATCH_PROCESS, () => ({
    ...batchInfo,
    duration: g.now() - batchStarted,
  }));
  if (run.autoCommit !== false) await g.commit(g.offsets.uncommitted());
}
