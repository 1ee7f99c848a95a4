/** Registers only what the app's bar charts use. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export const COLORS = {
  scope1: '#1f6f5c',
  scope2: '#3569b5',
  scope3: '#b5651d',
  total: '#4a5568',
  up: '#b42318',
  down: '#2e7d32',
} as const;

// Calm, deterministic charts: no entry animation (also right for printing and for screenshots in tests).
Chart.defaults.animation = false;
