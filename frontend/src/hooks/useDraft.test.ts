import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDraft } from './useDraft';

type Props = { server: { title: string; body: string }; version: number };

const start = (initialProps: Props) =>
  renderHook(({ server, version }: Props) => useDraft(server, version), { initialProps });

describe('useDraft', () => {
  it('follows the server while untouched', () => {
    const { result, rerender } = start({ server: { title: 'A', body: 'x' }, version: 1 });
    expect(result.current).toMatchObject({ value: { title: 'A', body: 'x' }, dirty: false, baseVersion: 1, changedElsewhere: false });
    rerender({ server: { title: 'B', body: 'y' }, version: 2 });
    expect(result.current).toMatchObject({ value: { title: 'B', body: 'y' }, dirty: false, baseVersion: 2, changedElsewhere: false });
  });

  it('keeps the edit and its base version when the server moves on, and says so', () => {
    const { result, rerender } = start({ server: { title: 'A', body: 'x' }, version: 1 });
    act(() => result.current.update({ title: 'Mine' }));
    act(() => result.current.update({ body: 'my body' }));
    expect(result.current).toMatchObject({ value: { title: 'Mine', body: 'my body' }, dirty: true, baseVersion: 1, changedElsewhere: false });
    rerender({ server: { title: 'Theirs', body: 'their body' }, version: 2 });
    expect(result.current).toMatchObject({ value: { title: 'Mine', body: 'my body' }, dirty: true, baseVersion: 1, changedElsewhere: true });
  });

  it('follows the server again after reset, at its current version', () => {
    const { result, rerender } = start({ server: { title: 'A', body: 'x' }, version: 1 });
    act(() => result.current.update({ title: 'Mine' }));
    rerender({ server: { title: 'Theirs', body: 'x' }, version: 2 });
    act(() => result.current.reset());
    expect(result.current).toMatchObject({ value: { title: 'Theirs', body: 'x' }, dirty: false, baseVersion: 2, changedElsewhere: false });
  });
});

describe('useDraft after a save', () => {
  it('is clean, shows what was saved until the server catches up, then follows the server', () => {
    const { result, rerender } = start({ server: { title: 'A', body: 'x' }, version: 1 });
    act(() => result.current.update({ title: 'Mine' }));
    const sent = result.current.value;
    act(() => result.current.saved(sent, 2));
    expect(result.current).toMatchObject({ value: { title: 'Mine', body: 'x' }, dirty: false, baseVersion: 2, changedElsewhere: false });
    rerender({ server: { title: 'Mine', body: 'x' }, version: 2 });
    rerender({ server: { title: 'Theirs', body: 'x' }, version: 3 });
    expect(result.current).toMatchObject({ value: { title: 'Theirs', body: 'x' }, dirty: false, baseVersion: 3 });
  });

  it('stays dirty when edited while the save was under way, from the saved version', () => {
    const { result } = start({ server: { title: 'A', body: 'x' }, version: 1 });
    act(() => result.current.update({ title: 'Mine' }));
    const sent = result.current.value;
    act(() => result.current.update({ body: 'more' }));
    act(() => result.current.saved(sent, 2));
    expect(result.current).toMatchObject({ value: { title: 'Mine', body: 'more' }, dirty: true, baseVersion: 2 });
  });
});
