import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeDesk } from '../../testing/fakeDesk';
import { MentionBox, WithMentions, mentionAt } from './MentionBox';

const people = [
  { subject: 'sub-alice', username: 'alice', name: 'Alice', roles: ['factchecker'] },
  { subject: 'sub-bob', username: 'bob', name: 'Bob Baker', roles: ['reviewer'] },
  { subject: 'sub-bea', username: 'bea', name: 'Beatrice Roe', roles: ['editor'] },
];

function Box({ onSubmit }: { onSubmit: () => void }) {
  const [value, setValue] = useState('');
  return (
    <>
      <label htmlFor="c">Comment</label>
      <MentionBox id="c" value={value} onChange={setValue} onSubmit={onSubmit} />
    </>
  );
}

function setup() {
  const submit = vi.fn();
  const { wrapper } = fakeDesk(() => undefined, { people });
  render(<Box onSubmit={submit} />, { wrapper });
  return { box: screen.getByLabelText('Comment') as HTMLTextAreaElement, submit };
}

describe('MentionBox', () => {
  afterEach(cleanup);

  it('finds the @name being typed, not an e-mail address', () => {
    expect(mentionAt('Hi @bo', 6)).toEqual({ start: 3, query: 'bo' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail bob@exa', 12)).toBeNull();
    expect(mentionAt('@bob done', 9)).toBeNull();
  });

  it('offers people by user name or name, chosen with the arrow keys and inserted with Enter', () => {
    const { box, submit } = setup();
    fireEvent.change(box, { target: { value: 'Ask @b' } });
    const list = screen.getByRole('listbox', { name: 'People to mention' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Bob Baker @bob', 'Beatrice Roe @bea']);
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0].id);

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('Ask @bea ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(submit).not.toHaveBeenCalled();
  });

  it('never offers oneself, closes with Escape, and Ctrl+Enter still submits', () => {
    const { box, submit } = setup();
    fireEvent.change(box, { target: { value: '@al' } });
    expect(screen.queryByRole('listbox')).toBeNull(); // alice is the one signed in
    fireEvent.change(box, { target: { value: '@' } });
    expect(screen.getAllByRole('option')).toHaveLength(2);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('shows the desk\u2019s people mentioned in a comment in bold, as text, and nothing else', () => {
    const { container } = render(<p><WithMentions text={'@Bob, see <b>this</b>; ask @nobody or mail bea@example.org. @bea.'} people={people} /></p>);
    expect([...container.querySelectorAll('strong.mention')].map((e) => e.textContent)).toEqual(['@Bob', '@bea']);
    expect(container.textContent).toBe('@Bob, see <b>this</b>; ask @nobody or mail bea@example.org. @bea.');
    expect(container.querySelector('b')).toBeNull();
  });
});
