import { useEffect } from 'react';

const APP_TITLE = 'Factdesk';

/** The browser tab's title while a screen shows (null: not yet); back to the app's name after. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · ${APP_TITLE}`;
    return () => {
      document.title = APP_TITLE;
    };
  }, [title]);
}
