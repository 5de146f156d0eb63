package dev.loopsim.users.choice;

import dev.loopsim.core.model.TrueUtility;
import dev.loopsim.core.world.MemberState;
import dev.loopsim.core.world.Title;

/** U = w_q·q_i + w_g·θ_u·g_i + w_z·z_u·w_i (DESIGN §4). */
public record LinearUtility(double qualityWeight, double genreWeight, double latentWeight) implements TrueUtility {

    @Override
    public double utility(MemberState member, Title title, double day) {
        var profile = member.profile();
        return qualityWeight * title.quality()
                + genreWeight * title.genreMatch(profile.tasteView())
                + latentWeight * title.latentMatch(profile.latentView());
    }
}
