/**
 * The {@code %%explore} cell magic: a cell's program explored by the schedule explorer in a child JVM of its own
 * ({@link racecourse.kernel.magic.explore.ExploreMagic} in the kernel, {@link
 * racecourse.kernel.magic.explore.ExploreCellMain} in the child).
 */
package racecourse.kernel.magic.explore;
