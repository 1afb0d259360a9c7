/** Helpers for files and folders: {@link racecourse.files.FileTrees} deletes a folder tree. */
package racecourse.files;
