import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule (docs/architecture.md, Layers) is only worth something if lint really refuses a crossing.
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['shared/model/x.ts', "import fs from 'node:fs';"],
    ['shared/model/x.ts', "import { app } from 'electron';"],
    ['shared/model/x.ts', "import { useState } from 'react';"],
    ['shared/model/x.ts', "import { Library } from '../../electron/services/library';"],
    ['shared/model/x.ts', "import { App } from '../../renderer/src/App';"],
    ['renderer/src/x.ts', "import { Library } from '../../electron/services/library';"],
    ['renderer/src/x.ts', "import fs from 'fs';"],
    ['renderer/src/x.ts', "import Conf from 'conf';"],
    ['electron/services/x.ts', "import { app } from 'electron';"],
    ['electron/services/x.ts', "import Store from 'electron-store';"],
    ['electron/services/x.ts', "import { App } from '../../renderer/src/App';"],
    ['cli/x.ts', "import { Library } from '../electron/services/library';"],
  ])('%s may not say %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['shared/model/x.ts', "import { z } from 'zod';"],
    ['renderer/src/x.ts', "import { Tag } from '../../shared/model/types';"],
    ['electron/services/x.ts', "import fs from 'node:fs';\nimport Conf from 'conf';"],
    ['electron/main.ts', "import { app } from 'electron';\nimport Store from 'electron-store';"],
    ['electron/preload.ts', "import { contextBridge } from 'electron';"],
    ['cli/x.ts', "import fs from 'node:fs';\nimport { Tag } from '../shared/model/types';"],
  ])('%s may say %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
