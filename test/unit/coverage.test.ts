import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  coverageOf,
  mergeCoverageProfiles,
  parseCoverageProfile,
  profileFileKeys,
} from '../../server/src/engine/model/coverage';

const CLIENT = 'example.com/fw/pkg/llms/client.go';
const CONFIG = 'example.com/fw/pkg/llms/config.go';
const VOICE = 'example.com/fw/pkg/voice/voice.go';

describe('parseCoverageProfile', () => {
  it('reads blocks per file and range', () => {
    const text = [
      'mode: set',
      `${CLIENT}:10.2,12.16 2 1`,
      `${CLIENT}:14.2,14.20 1 0`,
      `${CONFIG}:5.30,7.2 3 1`,
    ].join('\n');
    const { profile, malformedLines } = parseCoverageProfile(text);
    assert.equal(malformedLines, 0);
    assert.deepEqual(profileFileKeys(profile), [CLIENT, CONFIG]);
    assert.deepEqual(profile.get(CLIENT)?.get('10.2,12.16'), { statements: 2, count: 1 });
    assert.deepEqual(profile.get(CLIENT)?.get('14.2,14.20'), { statements: 1, count: 0 });
    assert.deepEqual(profile.get(CONFIG)?.get('5.30,7.2'), { statements: 3, count: 1 });
  });

  it('keeps the largest count of a block listed twice, whatever the order', () => {
    const text = [
      'mode: count',
      `${CLIENT}:10.2,12.16 2 0`,
      `${CLIENT}:10.2,12.16 2 3`,
      `${CLIENT}:20.1,21.5 4 7`,
      `${CLIENT}:20.1,21.5 4 0`,
    ].join('\n');
    const { profile } = parseCoverageProfile(text);
    assert.equal(profile.get(CLIENT)?.size, 2);
    assert.deepEqual(profile.get(CLIENT)?.get('10.2,12.16'), { statements: 2, count: 3 });
    assert.deepEqual(profile.get(CLIENT)?.get('20.1,21.5'), { statements: 4, count: 7 });
  });

  it('accepts appended profiles with several mode lines', () => {
    const text = [
      'mode: atomic',
      `${CLIENT}:10.2,12.16 2 0`,
      'mode: atomic',
      `${CLIENT}:10.2,12.16 2 5`,
      `${VOICE}:3.1,4.2 1 1`,
    ].join('\n');
    const { profile, malformedLines } = parseCoverageProfile(text);
    assert.equal(malformedLines, 0);
    assert.deepEqual(profileFileKeys(profile), [CLIENT, VOICE]);
    assert.deepEqual(profile.get(CLIENT)?.get('10.2,12.16'), { statements: 2, count: 5 });
  });

  it('tolerates CRLF line endings, blank lines and surrounding spaces', () => {
    const text = `mode: set\r\n\r\n${CLIENT}:10.2,12.16 2 1\r\n   \r\n  ${CONFIG}:5.30,7.2 3 0  \r\n`;
    const { profile, malformedLines } = parseCoverageProfile(text);
    assert.equal(malformedLines, 0);
    assert.deepEqual(profile.get(CLIENT)?.get('10.2,12.16'), { statements: 2, count: 1 });
    assert.deepEqual(profile.get(CONFIG)?.get('5.30,7.2'), { statements: 3, count: 0 });
  });

  it('counts malformed lines and keeps the good ones', () => {
    const text = [
      'mode: set',
      `${CLIENT}:10.2,12.16 2 1`,
      'this is not a block', // 1
      `${CLIENT}:10.2 2 1`, // 2: incomplete range
      `${CLIENT}:10.2,12.16 two 1`, // 3: statements not a number
      `${CLIENT}:10.2,12.16 2`, // 4: count missing
      'mode: bogus', // 5: unknown mode
      `${CONFIG}:5.30,7.2 3 1`,
    ].join('\n');
    const { profile, malformedLines } = parseCoverageProfile(text);
    assert.equal(malformedLines, 5);
    assert.deepEqual(profileFileKeys(profile), [CLIENT, CONFIG]);
    assert.equal(profile.get(CLIENT)?.size, 1);
  });

  it('returns an empty profile for empty or garbage input without throwing', () => {
    assert.equal(parseCoverageProfile('').profile.size, 0);
    assert.equal(parseCoverageProfile('').malformedLines, 0);
    const garbage = parseCoverageProfile('\u0000\u0001 ::: 1.2,3.4\n:1.2,3.4 1 1');
    assert.equal(garbage.profile.size, 0);
    assert.equal(garbage.malformedLines, 2);
  });
});

describe('mergeCoverageProfiles', () => {
  it('unions files and keeps the largest count per block without touching inputs', () => {
    const first = parseCoverageProfile(`mode: set\n${CLIENT}:10.2,12.16 2 0\n${CLIENT}:14.2,14.20 1 1`).profile;
    const second = parseCoverageProfile(`mode: set\n${CLIENT}:10.2,12.16 2 1\n${VOICE}:3.1,4.2 1 0`).profile;
    const merged = mergeCoverageProfiles([first, second]);
    assert.deepEqual(profileFileKeys(merged), [CLIENT, VOICE]);
    assert.deepEqual(merged.get(CLIENT)?.get('10.2,12.16'), { statements: 2, count: 1 });
    assert.deepEqual(merged.get(CLIENT)?.get('14.2,14.20'), { statements: 1, count: 1 });
    assert.deepEqual(merged.get(VOICE)?.get('3.1,4.2'), { statements: 1, count: 0 });
    assert.deepEqual(first.get(CLIENT)?.get('10.2,12.16'), { statements: 2, count: 0 });
  });

  it('merges nothing into an empty profile', () => {
    assert.equal(mergeCoverageProfiles([]).size, 0);
  });
});

describe('coverageOf', () => {
  // client.go: 2 + 1 + 4 = 7 statements, covered 2 + 4 = 6 (the 1-statement block has count 0).
  // config.go: 3 statements, none covered.
  const { profile } = parseCoverageProfile(
    [
      'mode: count',
      `${CLIENT}:10.2,12.16 2 1`,
      `${CLIENT}:14.2,14.20 1 0`,
      `${CLIENT}:20.1,25.2 4 9`,
      `${CONFIG}:5.30,7.2 3 0`,
      `${VOICE}:3.1,4.2 5 1`,
    ].join('\n'),
  );

  it('sums statements and covered statements over the given files only', () => {
    assert.deepEqual(coverageOf(profile, [CLIENT]), { statements: 7, covered: 6, percentage: 85.7 });
    // 6 of 10 -> 60 %; voice.go is not included.
    assert.deepEqual(coverageOf(profile, [CLIENT, CONFIG]), { statements: 10, covered: 6, percentage: 60 });
    assert.deepEqual(coverageOf(profile, [CONFIG]), { statements: 3, covered: 0, percentage: 0 });
  });

  it('counts a block covered when one of its duplicates has a count', () => {
    const duplicated = parseCoverageProfile(`mode: set\n${CLIENT}:1.1,2.2 4 0\n${CLIENT}:1.1,2.2 4 3\n${CLIENT}:3.1,4.2 1 0`).profile;
    // 4 of 5 statements covered.
    assert.deepEqual(coverageOf(duplicated, [CLIENT]), { statements: 5, covered: 4, percentage: 80 });
  });

  it('ignores files missing from the profile when others are present', () => {
    const missing = 'example.com/fw/pkg/llms/untested.go';
    assert.deepEqual(coverageOf(profile, [CLIENT, missing]), { statements: 7, covered: 6, percentage: 85.7 });
  });

  it('is null (unknown, not 0) when none of the files is in the profile', () => {
    assert.equal(coverageOf(profile, ['example.com/fw/pkg/agents/agent.go']), null);
    assert.equal(coverageOf(profile, []), null);
  });

  it('counts a file listed twice once', () => {
    assert.deepEqual(coverageOf(profile, [CONFIG, CONFIG, VOICE]), { statements: 8, covered: 5, percentage: 62.5 });
  });

  it('accepts any iterable of file keys', () => {
    assert.deepEqual(coverageOf(profile, new Set([CONFIG])), { statements: 3, covered: 0, percentage: 0 });
  });

  it('rounds the percentage to one decimal', () => {
    // 1 of 3 statements -> 33.333… -> 33.3; 2 of 3 -> 66.666… -> 66.7.
    const third = parseCoverageProfile(`${CLIENT}:1.1,2.2 1 1\n${CLIENT}:3.1,4.2 2 0`).profile;
    assert.equal(coverageOf(third, [CLIENT])?.percentage, 33.3);
    const twoThirds = parseCoverageProfile(`${CLIENT}:1.1,2.2 2 1\n${CLIENT}:3.1,4.2 1 0`).profile;
    assert.equal(coverageOf(twoThirds, [CLIENT])?.percentage, 66.7);
  });
});
