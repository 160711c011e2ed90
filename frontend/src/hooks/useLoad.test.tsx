import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLoad } from './useLoad';

/** One pending answer per id, settled by the test. */
function answers() {
  const pending = new Map<number, (value: string) => void>();
  const calls: number[] = [];
  const load = (id: number) => {
    calls.push(id);
    return new Promise<string>((resolve) => pending.set(id, resolve));
  };
  const answer = (id: number, value: string) => act(async () => pending.get(id)!(value));
  return { load, answer, calls };
}

describe('useLoad', () => {
  it('is loading from the render whose deps changed, keeps the old data meanwhile, and ignores a late answer for old deps', async () => {
    const { load, answer, calls } = answers();
    const { result, rerender } = renderHook(({ id }) => useLoad(() => load(id), [id]), { initialProps: { id: 1 } });
    expect(result.current).toMatchObject({ data: undefined, loading: true });
    await answer(1, 'one');
    expect(result.current).toMatchObject({ data: 'one', loading: false });

    rerender({ id: 2 });
    expect(result.current).toMatchObject({ data: 'one', loading: true });
    rerender({ id: 3 });
    await answer(2, 'two');
    expect(result.current).toMatchObject({ data: 'one', loading: true });
    await answer(3, 'three');
    expect(result.current).toMatchObject({ data: 'three', loading: false });
    expect(calls).toEqual([1, 2, 3]);
  });

  it('reloads the same deps on reload(), showing the old data until the new answer', async () => {
    const { load, answer, calls } = answers();
    const { result } = renderHook(() => useLoad(() => load(7), []));
    await answer(7, 'first');
    act(() => result.current.reload());
    expect(result.current).toMatchObject({ data: 'first', loading: true });
    await waitFor(() => expect(calls).toEqual([7, 7]));
    await answer(7, 'second');
    expect(result.current).toMatchObject({ data: 'second', loading: false });
  });
});
