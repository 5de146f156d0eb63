package dev.loopsim.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopsim.core.model.MemberResponse;
import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.model.WorldTruth;
import dev.loopsim.core.world.Catalog;
import dev.loopsim.core.world.MemberProfile;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Members;
import dev.loopsim.core.world.Page;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A policy sees what a real service observes of a visit, and nothing that leads to the member's true state or utility. */
class DecisionContextTest {
    /** What only the world knows: the member's state and tastes, and the utility and response models. */
    private static final Set<Class<?>> TRUTH = Set.of(MemberState.class, MemberProfile.class, TrueUtility.class,
            WorldTruth.class, MemberResponse.class);

    @Test
    void noPublicMethodReachableFromTheContextLeadsToTheTruth() {
        Set<Class<?>> reached = reachable(DecisionContext.class);
        assertThat(reached).as("types a policy can reach from its context").doesNotContainAnyElementsOf(TRUTH);
        assertThat(reached).contains(dev.loopsim.core.world.MemberHistory.class, Catalog.class);
    }

    @Test
    void theMemberInAContextIsAViewNotTheState() {
        MemberState member = Members.member(4, 1, new double[] {1}, new double[] {0}, 5, 1);
        member.recordPlay(2, 1, 0.5);
        member.recordShown(new Page(1, 3, List.of("top-picks"), new int[] {2, 5, -1}));
        member.recordVisit(0.5, 0.7, true);
        var context = new DecisionContext(member.history(), 1, new Catalog(List.of(), 1, 1), new int[0], member.policyStream());
        Object seen = context.member();
        assertThat(seen).isNotInstanceOf(MemberState.class);
        assertThat(context.member().recentPlayTitle(0)).isEqualTo(2);
        assertThat(context.member().recentPlayArtwork(0)).isEqualTo(1);
        assertThat(context.member().lastPageTitles()).containsExactly(2, 5, -1);
        assertThat(context.member().recentVisitDay(0)).isEqualTo(0.5);
        assertThat(context.member().visits()).isEqualTo(1);
    }

    /** Every loopsim type reachable through public methods' return types (and their type arguments). */
    private static Set<Class<?>> reachable(Class<?> start) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                collect(method.getGenericReturnType(), todo);
            }
        }
        seen.removeIf(c -> !c.getName().startsWith("dev.loopsim."));
        return seen;
    }

    private static void collect(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith("dev.loopsim.")) {
                todo.push(element);
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), todo);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, todo);
            }
        }
    }
}
