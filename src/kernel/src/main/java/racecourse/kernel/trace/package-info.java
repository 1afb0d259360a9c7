/** Timestamps of the kernel's start-up steps, for finding where start-up time goes. */
package racecourse.kernel.trace;
