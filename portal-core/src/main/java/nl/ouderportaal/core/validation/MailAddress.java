package nl.ouderportaal.core.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The one rule for every email address the portal takes (account emails, the change-request address):
 * see {@code EmailAddresses.isValid}. {@code null} is valid (pair with {@code @NotBlank} where required).
 */
@Documented
@Constraint(validatedBy = MailAddress.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface MailAddress {

    String message() default "{nl.ouderportaal.MailAddress.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link MailAddress}. */
    final class Validator implements ConstraintValidator<MailAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || nl.ouderportaal.core.account.EmailAddresses.isValid(value);
        }
    }
}
