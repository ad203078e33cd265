// The sign-in form (the login mutation, through the explorer's session: signing in here
// signs GraphiQL in too), with the demo's logins one click away in demo mode.
import { useState } from 'react';
import { signIn } from '../../explorer/src/session';
import { config, endpoint } from './config';

export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const submit = async (asEmail: string, asPassword: string, tenant = '') => {
    setState({ busy: true, error: null });
    try {
      await signIn(endpoint.http, asEmail, asPassword, tenant);
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };

  return (
    <main className="signin">
      <h1>tenantgraph console</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(email, password);
        }}
      >
        <label>
          Email <input type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Password <input type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button type="submit" disabled={state.busy}>
          Sign in
        </button>
        {state.error && (
          <p className="error" role="alert">
            {state.error}
          </p>
        )}
      </form>
      {config.demo && (
        <div className="demo">
          <h2>Demo logins</h2>
          <ul className="plain">
            {config.demo.logins.map((login) => (
              <li key={login.email}>
                <button className="link" disabled={state.busy} onClick={() => submit(login.email, config.demo!.password, login.tenant)}>
                  {login.email}
                </button>{' '}
                <span className="muted">{login.label}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </main>
  );
}
