/**
 * Lessons 1 and 2, the icon cache: filled lazily from several threads it breaks (a plain {@link java.util.HashMap}
 * written concurrently loses entries); filled eagerly before any thread starts and never written again it needs
 * no lock at all.
 */
package racecourse.patterns.icons;
