/**
 * Running a notebook cell's Java snippets fresh in a child JVM: {@link racecourse.jshell.ChildCellShell} is the one
 * JShell set-up and snippet loop that the {@code %%race} and {@code %%explore} children share.
 */
package racecourse.jshell;
