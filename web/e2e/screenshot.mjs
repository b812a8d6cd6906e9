// Regenerates docs/planner.png for the README: the Sei Balai planner with
// the 2025 IKM target edited.
import path from 'node:path';
import { startServer, browser, open, repo } from './harness.mjs';

const server = await startServer();
const chrome = await browser({ viewport: { width: 1100, height: 900 } });
try {
  const page = await open(chrome.ctx, server.url);
  await page.selectOption('[data-testid="unit-select"]', '12.19.07');
  await page.fill('[data-testid="target-ikm-2025"]', '86');
  await page.press('[data-testid="target-ikm-2025"]', 'Tab');
  await page.fill('[data-testid="realisasi-ikm-2025"]', '80');
  await page.press('[data-testid="realisasi-ikm-2025"]', 'Tab');
  await page.screenshot({ path: path.join(repo, 'docs', 'planner.png'), fullPage: false });
  console.log('wrote docs/planner.png');
} finally {
  await chrome.close();
  server.stop();
}
