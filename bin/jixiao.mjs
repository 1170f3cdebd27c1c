#!/usr/bin/env node
// The `jixiao` command. TypeScript runs directly through tsx everywhere (see docs/architecture.md).
import { register } from 'tsx/esm/api';

register();
await import('../services/cli/src/main.ts');
