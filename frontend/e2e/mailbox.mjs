// A requester's mailbox on the test's real mail server (GreenMail, started by WebAppIT), read over
// IMAP as a mail client would.
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';

/**
 * The first message in the mailbox that `matches` (given the parsed mail), waiting up to `timeoutMs`
 * for it to arrive; throws naming what did arrive.
 */
export async function waitForMail({ host = '127.0.0.1', port, user, pass, matches, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let seen = [];
  while (Date.now() < deadline) {
    seen = await readAll({ host, port, user, pass });
    const found = seen.find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no matching mail for ${user} within ${timeoutMs} ms; the mailbox holds: `
    + JSON.stringify(seen.map((m) => m.subject)));
}

/** Every message of the mailbox's INBOX, parsed. */
export async function readAll({ host = '127.0.0.1', port, user, pass }) {
  const client = new ImapFlow({ host, port, secure: false, auth: { user, pass }, logger: false });
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const messages = [];
      if (client.mailbox.exists === 0) return messages;
      for await (const message of client.fetch('1:*', { source: true })) {
        messages.push(await simpleParser(message.source));
      }
      return messages;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
