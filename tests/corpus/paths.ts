import path from 'node:path';

/** The PolNeAR subset committed for tests and benchmarks (see tests/corpus/README.md). */
export const POLNEAR = path.resolve(import.meta.dirname, 'polnear');
export const POLNEAR_DEV = path.join(POLNEAR, 'dev');
export const POLNEAR_DEV_TEXT = path.join(POLNEAR_DEV, 'text');
export const POLNEAR_TRAIN_MULTI = path.join(POLNEAR, 'train-multi');
