/** Swimlane pictures of threads, their actions and the edges between them ({@link racecourse.display.timeline.Timeline}). */
package racecourse.display.timeline;
