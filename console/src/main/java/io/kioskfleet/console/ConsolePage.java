package io.kioskfleet.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * Marks a controller that renders console pages: {@link ConsolePageModel} gives each of its
 * pages who is signed in and the time zone to show times in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Controller
public @interface ConsolePage {

    /** The bean name, as for {@link Controller}. */
    @AliasFor(annotation = Controller.class)
    String value() default "";
}
