// @ts-check
/**
 * Runs electron-builder `--dir` for Linux on this project with its real configuration
 * (electron-builder.yml), changing only what a machine without the Electron download needs:
 *   node test/build/packDir.mjs <electronDist> <outputDir>
 * `electronDist` is a folder holding a stub `electron` executable, so nothing is downloaded; with
 * `npmRebuild: false` nothing is compiled. Prints the unpacked app's folder as the last line.
 * test/build/packaged.test.ts runs it, in a network namespace without any network when it can.
 */
import path from 'node:path';
import electronBuilder from 'electron-builder';

const [electronDist, output] = process.argv.slice(2);
if (!electronDist || !output) {
  console.error('usage: node test/build/packDir.mjs <electronDist> <outputDir>');
  process.exit(2);
}
const { build, Platform } = electronBuilder;
await build({
  projectDir: path.resolve(import.meta.dirname, '../..'),
  targets: Platform.LINUX.createTarget('dir'),
  publish: 'never',
  config: {
    electronDist: path.resolve(electronDist),
    npmRebuild: false,
    directories: { output: path.resolve(output) },
  },
});
console.log(path.join(path.resolve(output), 'linux-unpacked'));
