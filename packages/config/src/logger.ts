// The one way services build their pino logger from the settings.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger } from 'pino';

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino({ name: 'jixiao', level: config.logLevel }, destination ?? pino.destination(1));
}
