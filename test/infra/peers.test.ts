/**
 * `gantry/infra` as published (infra/index.ts): one message for every missing peer, and the same
 * constructs as infra/constructs.ts when they are all there.
 */
import { describe, expect, it } from 'vitest';

import { INFRA_PEERS, missingPeers, missingPeersMessage } from '../../infra/peers.js';

describe('gantry/infra peers', () => {
  it('finds every peer installed in this repository', () => {
    expect(missingPeers()).toEqual([]);
  });

  it('lists the peers that do not resolve, in order', () => {
    // Prepare
    const resolve = (name: string) => {
      if (name === 'cdktf' || name === 'esbuild') throw new Error('not found');
      return `file:///node_modules/${name}/index.js`;
    };

    // Act
    const missing = missingPeers(resolve);

    // Assert
    expect(missing).toEqual(['cdktf', 'esbuild']);
  });

  it('names each missing package, what it is for, and the command that installs them', () => {
    expect(missingPeersMessage(['cdktf', 'esbuild'])).toBe(
      'gantry/infra needs cdktf (CDK for Terraform), esbuild (bundling the handler at synth time): npm install --save-dev cdktf esbuild',
    );
    expect(Object.keys(INFRA_PEERS)).toEqual([
      'cdktf',
      'constructs',
      '@cdktf/provider-aws',
      'esbuild',
    ]);
  });

  it('exports from the guarded entry exactly the values infra/constructs.ts exports', async () => {
    // Act
    const guarded: Record<string, unknown> = await import('../../infra/index.js');
    const constructs: Record<string, unknown> = await import('../../infra/constructs.js');

    // Assert
    expect(Object.keys(guarded).sort()).toEqual(Object.keys(constructs).sort());
    for (const name of Object.keys(constructs)) expect(guarded[name], name).toBe(constructs[name]);
  });
});
