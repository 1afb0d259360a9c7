/**
 * Conventions every {@code racecourse} command shares: the exit-status table ({@link racecourse.commandline.ExitCodes}),
 * {@code --version} from the build ({@link racecourse.commandline.BuildVersion}), the one duration reader
 * ({@link racecourse.commandline.Durations}) and picocli mixins for the options several commands take
 * ({@code -cp}/{@code --class-path}, {@code --time}, {@code --seed}, {@code --json}, {@code --jobs}).
 */
package racecourse.commandline;
