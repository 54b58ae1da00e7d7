// How an injected fault reaches the client on calls that answer with a status.
import type { DoubleContext } from './context.js';
import type { FaultPlan } from './faults.js';
import {
  accessDenied,
  deadlineExceeded,
  notLeader,
  serverNotReady,
  type RpcError,
} from './rpcErrors.js';

/**
 * The status a faulted call ends with, or undefined when it must not answer at all (a deadline
 * the client itself enforces).
 */
export function faultStatus(
  context: DoubleContext,
  fault: FaultPlan,
  clientEnforcesDeadline: boolean,
): RpcError | undefined {
  switch (fault.kind) {
    case 'unavailable':
      return serverNotReady(context.protocol);
    case 'not-leader': {
      const { host, port } = context.leader();
      return notLeader(context.protocol, host, port);
    }
    case 'access-denied':
      return accessDenied(context.protocol);
    case 'deadline-exceeded':
      // Reads and subscriptions carry no client deadline; a proxy's deadline reaches them as a status.
      return clientEnforcesDeadline ? undefined : deadlineExceeded(context.protocol);
  }
}
