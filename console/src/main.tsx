// The operator console: tenants, jobs, servers and usage of a tenantgraph fleet, read
// from the gateway's own GraphQL API. Everything it loads comes from the gateway.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './console.css';

createRoot(document.getElementById('console')!).render(<App />);
