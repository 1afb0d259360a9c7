/** Building the student release of the course: solutions stubbed, hidden tests and instructor notes left out. */
package racecourse.grader.release;
