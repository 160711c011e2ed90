import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeDesk } from '../testing/fakeDesk';
import { useLiveRefetch } from './useLiveRefetch';

describe('useLiveRefetch', () => {
  it('calls the latest refetch for relevant events and on reconnect, subscribing once, and unsubscribes on unmount', async () => {
    const { wrapper, emit, listeners } = fakeDesk(() => undefined);
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ id, refetch }) => useLiveRefetch((e) => e.ticketId === id, refetch), {
      wrapper, initialProps: { id: 1, refetch: first },
    });
    expect(listeners.size).toBe(1);
    emit({ type: 'ticket', event: { ticketId: 2, action: 'x' } });
    emit({ type: 'ticket', event: { ticketId: 1, action: 'x' } });
    await vi.waitFor(() => expect(first).toHaveBeenCalledTimes(1));

    // New callbacks take effect without a new subscription.
    rerender({ id: 2, refetch: second });
    expect(listeners.size).toBe(1);
    emit({ type: 'ticket', event: { ticketId: 2, action: 'x' } });
    emit({ type: 'open' });
    await vi.waitFor(() => expect(second).toHaveBeenCalled());
    expect(first).toHaveBeenCalledTimes(1);

    unmount();
    expect(listeners.size).toBe(0);
  });
});
