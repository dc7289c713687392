package luohu.dialog;

import luohu.nlu.Understanding;

/**
 * The result of one message: the new session, the reply, and what happened (for logs and tests).
 *
 * @param action     the flow action that ran
 * @param from       the state before the message
 * @param transition the flow transition taken, or null when the message fell back
 * @param assessment the assessment the reply was built on, or null when the turn made none
 */
public record Turn(Session session, Reply reply, Understanding understanding, String action, String from,
                   Flow.Transition transition, luohu.policy.Assessment assessment) {
}
