// The two cases the article tells, recorded as they happened (kang.ts, xuShang.ts), under ids an
// auditor can find them by.
import { Dispute, Visit, streamIdOf } from '@gridledger/core';
import { planKang } from './kang.js';
import { planXuAndShang } from './xuShang.js';
import type { World } from './world.js';

export const KANG_VISIT_ID = 'kang-id-card';
export const XU_SHANG_DISPUTE_ID = 'xu-shang-tv-deposit';
export const KANG_VISIT_STREAM = streamIdOf(Visit, KANG_VISIT_ID);
export const XU_SHANG_STREAM = streamIdOf(Dispute, XU_SHANG_DISPUTE_ID);

export const BANNER = '情系群众，为民服务 (Caring for the people, serving the people)';

export function planStory(world: World): void {
  planKang(world);
  planXuAndShang(world);
}
