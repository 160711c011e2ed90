// The page inside the silent sign-in's hidden iframe: hands the answer in its address to the tab
// that opened it (same origin only), whose UserManager checks it and exchanges the code.
import { UserManager } from 'oidc-client-ts';

// The callback only posts this page's URL to the parent window; it reads none of these settings.
void new UserManager({ authority: window.location.origin, client_id: 'factdesk-web', redirect_uri: window.location.href }).signinSilentCallback();
