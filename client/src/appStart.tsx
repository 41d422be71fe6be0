// Before anything defines a zod schema (shared's schemas are built as the app's modules load).
import './strictCsp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

/** The app itself: loaded by main.tsx once the board's socket is open. */
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
