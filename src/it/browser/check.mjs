// Browser check: serves the course with `racecourse lab --no-browser`, opens lesson 1 in headless Chromium,
// runs every cell through the page, and asserts that the lost-update histogram rendered and that no cell
// produced an error. Keeps a screenshot under build/browser-check/ and prints its path.
//
// Usage (from the repository root): node src/it/browser/check.mjs [--notebook notebooks/01-race-conditions.ipynb]
// The notebooks are served from a copy under build/browser-check/course, so running cells in the page can never
// write outputs into the committed notebooks. Exit status 0 when every check passed, 1 otherwise.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const notebook = args.includes('--notebook') ? args[args.indexOf('--notebook') + 1] : 'notebooks/01-race-conditions.ipynb';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const out = path.join(repo, 'build', 'browser-check');
const startLimitMs = 90_000;   // server up and kernel connected
const runLimitMs = 240_000;    // all cells executed (the notebook runs in well under 60 s headless)

const checks = [];
function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ': ' + detail : ''}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url, child, limitMs) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`racecourse lab exited early with status ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the notebook server did not answer ${url} within ${limitMs / 1000} s`);
}

async function main() {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM)`);
  if (!existsSync(path.join(repo, notebook))) throw new Error(`no notebook ${notebook} under ${repo}`);

  // A private copy of the course: the page may autosave, and it must never touch the committed notebooks.
  const course = path.join(out, 'course');
  rmSync(course, { recursive: true, force: true });
  mkdirSync(path.join(course, 'kernel-setup'), { recursive: true });
  cpSync(path.join(repo, 'notebooks'), path.join(course, 'notebooks'), { recursive: true });
  if (existsSync(path.join(repo, 'exercises'))) cpSync(path.join(repo, 'exercises'), path.join(course, 'exercises'), { recursive: true });

  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const lab = spawn(path.join(repo, 'bin', 'racecourse'), ['lab', '--no-browser', '--classic', `--port=${port}`, '--ip=127.0.0.1'], {
    cwd: course,
    env: { ...process.env, RACECOURSE_HOME: course, JUPYTER_TOKEN: token, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so that ending it also ends Jupyter and the kernel
  });
  let serverLog = '';
  lab.stdout.on('data', (d) => { serverLog += d; });
  lab.stderr.on('data', (d) => { serverLog += d; });
  const stopLab = () => { try { process.kill(-lab.pid, 'SIGTERM'); } catch { /* already gone */ } };
  process.on('exit', stopLab);

  let context;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/api/status?token=${token}`, lab, startLimitMs);
    const profile = path.join(out, 'chromium-profile');   // a fresh --user-data-dir for every run
    rmSync(profile, { recursive: true, force: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    const started = Date.now();
    await page.goto(`${base}/notebooks/${notebook}?token=${token}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(
      () => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(),
      null, { timeout: startLimitMs });
    check('the notebook opened and its kernel connected', true, `${((Date.now() - started) / 1000).toFixed(1)} s`);

    await page.evaluate(() => {
      Jupyter.notebook.set_autosave_interval(0);
      Jupyter.notebook.clear_all_output();
      Jupyter.notebook.execute_all_cells();
    });
    const runStart = Date.now();
    await page.waitForFunction(() => {
      const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
      const done = cells.every((c) => c.input_prompt_number !== '*' && c.input_prompt_number !== null
        && c.input_prompt_number !== undefined);
      return done && Jupyter.notebook.kernel_busy === false;
    }, null, { timeout: runLimitMs, polling: 500 });
    const seconds = (Date.now() - runStart) / 1000;
    check('every code cell ran', true, `${seconds.toFixed(1)} s`);

    const result = await page.evaluate(() => {
      const cells = Jupyter.notebook.get_cells();
      const histogramCell = cells.find((c) => c.cell_type === 'code' && c.get_text().includes('LostUpdates.measure'));
      const img = histogramCell ? histogramCell.element[0].querySelector('.output_png img') : null;
      const errors = [...document.querySelectorAll('.output_error, .output_stderr')].map((e) => e.innerText.slice(0, 300));
      const unrun = cells.filter((c) => c.cell_type === 'code' && typeof c.input_prompt_number !== 'number').length;
      return {
        found: !!histogramCell,
        img: img ? { width: img.naturalWidth, height: img.naturalHeight, complete: img.complete } : null,
        errors,
        unrun,
        images: document.querySelectorAll('.output_png img').length,
      };
    });
    check('the lesson has the lost-update experiment', result.found);
    check('the histogram image rendered', !!result.img && result.img.complete && result.img.width > 100 && result.img.height > 100,
      result.img ? `${result.img.width}x${result.img.height} PNG` : 'no image in the experiment cell');
    check('no cell produced error output', result.errors.length === 0,
      result.errors.length ? result.errors.join(' | ') : `${result.images} images, no errors`);
    check('every code cell has an execution count', result.unrun === 0, `${result.unrun} without one`);

    mkdirSync(out, { recursive: true });
    const shot = path.join(out, path.basename(notebook, '.ipynb') + '.png');
    // The classic Notebook scrolls inside the page, so a full-page shot shows only the top: bring the histogram
    // into view first.
    await page.evaluate(() => {
      const cell = Jupyter.notebook.get_cells().find((c) => c.cell_type === 'code' && c.get_text().includes('LostUpdates.measure'));
      if (cell) cell.element[0].scrollIntoView({ block: 'start' });
    });
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
  } catch (e) {
    check('the check ran to the end', false, e.message);
    console.log('--- racecourse lab output (last 3000 characters) ---\n' + serverLog.slice(-3000));
  } finally {
    if (context) await context.close();
    stopLab();
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(`browser check: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
