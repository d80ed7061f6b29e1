import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../entrypoints/background/commands';
import { CHANNEL } from '../../utils/messaging';

describe('keyboard commands', () => {
  it('toggle highlighting in every frame of the tab', async () => {
    const send = vi.fn(async () => ({ ok: true, value: { active: false } }));
    expect(await runCommand('toggle-highlighting', 7, send)).toEqual({
      ok: true,
      value: { active: false },
    });
    expect(send).toHaveBeenCalledWith(7, {
      channel: CHANNEL,
      name: 'toggleHighlighting',
      request: {},
    });
  });

  it('go to the next or previous highlight in the top frame', async () => {
    const send = vi.fn(async () => ({ ok: true, value: { found: true } }));
    await runCommand('next-highlight', 3, send);
    await runCommand('previous-highlight', 3, send);
    expect(send.mock.calls).toEqual([
      [3, { channel: CHANNEL, name: 'focusHighlight', request: { direction: 'next' } }, 0],
      [3, { channel: CHANNEL, name: 'focusHighlight', request: { direction: 'previous' } }, 0],
    ]);
  });

  it('ignore commands they do not know', () => {
    expect(runCommand('open-everything', 1, vi.fn())).toBeNull();
  });
});
