// BullMQ connection options from REDIS_URL. maxRetriesPerRequest: null is what BullMQ workers require
// (their blocking commands must wait through a Redis restart instead of failing).
import type { ConnectionOptions } from 'bullmq';

export interface QueueSettings {
  redisUrl: string;
  /** Redis key prefix: lets several deployments (or test files) share one Redis */
  prefix: string;
}

export function redisConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
