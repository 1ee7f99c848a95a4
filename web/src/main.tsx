import { createRoot } from 'react-dom/client';
import { routes } from '../../src/api/contract.js';

createRoot(document.getElementById('root') as HTMLElement).render(<p>{Object.keys(routes).length} endpoints</p>);
