import { useState, type FormEvent } from 'react';
import { ErrorBox, When, useAction } from '../../components';
import { useDesk, usePersonName } from '../../desk';
import type { Comment, Ticket } from '../../types';
import { MentionBox, WithMentions } from './MentionBox';

export function CommentsPanel({ ticket, comments, canComment, onAdded }: { ticket: Ticket; comments: Comment[]; canComment: boolean; onAdded: () => void }) {
  const { api, timeZone, people } = useDesk();
  const name = usePersonName();
  const [body, setBody] = useState('');
  const [busy, error, run] = useAction();
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim()) return;
    if (await run(() => api.addComment(ticket.id, body.trim()))) {
      setBody('');
      onAdded();
    }
  };
  return (
    <section className="panel" aria-labelledby="comments-h">
      <h2 id="comments-h">Comments <span className="count">{comments.length}</span></h2>
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id}>
            <div className="muted small"><strong>{name(c.author, c.authorName)}</strong> · <When iso={c.createdAt} timeZone={timeZone} /></div>
            <p className="comment-body">{c.body && <WithMentions text={c.body} people={people} />}</p>
          </li>
        ))}
      </ol>
      {canComment && (
        <form onSubmit={submit} className="form">
          <label htmlFor="comment-body">Comment</label>
          <MentionBox id="comment-body" value={body} onChange={setBody} onSubmit={() => void submit()} />
          <ErrorBox error={error} />
          <button type="submit" disabled={busy || !body.trim()}>Add comment</button>
        </form>
      )}
    </section>
  );
}
