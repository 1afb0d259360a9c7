/** The course on disk: finding the course root and loading an exercise folder ({@code exercises/NAME}). */
package racecourse.grader.exercise;
